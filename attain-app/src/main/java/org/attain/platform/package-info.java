/** Cross-cutting plumbing: database start-up, clock, errors, web chrome, locale. */
package org.attain.platform;
