/** Performance insight from live results: team tables, top and bottom performers, trends against the team median. */
package org.attain.analytics;
