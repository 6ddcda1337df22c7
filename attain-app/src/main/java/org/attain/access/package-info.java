/** Users, roles, visibility of people and pay, API tokens, login throttling and the audit log. */
package org.attain.access;
