/**
 * Reports and finance views over current results: tables and charts, exported as CSV, XLSX and PDF; beside the local
 * amounts each report carries them in the reporting currency ({@link org.attain.report.ConvertedReports}).
 */
package org.attain.report;
