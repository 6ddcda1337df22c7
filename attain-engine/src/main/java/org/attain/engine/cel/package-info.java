/** CEL conditions compiled once with typed variables and evaluated over deal, account, person and period facts. */
package org.attain.engine.cel;
