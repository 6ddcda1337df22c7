/** Import profiles: their YAML, column mapping, row filters, derived fields, country names, field types and value parsing. */
package org.attain.ingest.profiles;
