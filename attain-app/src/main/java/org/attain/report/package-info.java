/** Reports and finance views over current results: tables and charts, exported as CSV, XLSX and PDF. */
package org.attain.report;
