/** The home page of each role: a rep's own numbers, a manager's team, the back office's overview. */
package org.attain.home;
