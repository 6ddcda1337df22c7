/** Compensation plans as versioned YAML documents: publish, validate, diff, assign. */
package org.attain.plan;
