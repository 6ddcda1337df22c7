/**
 * Demo mode: loads the generated demo company and the demo logins on first start, through each owner's
 * bulk load ({@code SalesBulkLoad}, {@code OrgBulkLoad}, {@code ActivityBulkLoad}, {@code PlanBulkLoad},
 * {@code QuotaBulkLoad}, {@code FxBulkLoad}): it names none of their tables. Owns table: app_setting (the
 * loaded marker).
 */
package org.attain.demomode;
