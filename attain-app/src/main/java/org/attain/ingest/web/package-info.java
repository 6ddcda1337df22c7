/** The pages and REST controllers of ingest: imports, quarantine and the bulk APIs. */
package org.attain.ingest.web;
