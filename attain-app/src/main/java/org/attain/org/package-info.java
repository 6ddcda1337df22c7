/** People, teams, regions and effective-dated reporting lines. */
package org.attain.org;
