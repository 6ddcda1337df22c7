/** Pages and REST endpoints of commission expense. */
package org.attain.expense.web;
