/** Reading CSV and XLSX files within the cell, row and file limits, and keeping uploads while their import runs. */
package org.attain.ingest.files;
