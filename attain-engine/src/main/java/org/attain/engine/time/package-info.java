/** Periods (month, quarter, year), closed date ranges and the fiscal calendar that maps one to the other. */
package org.attain.engine.time;
