/** Demo mode: loads the generated demo company and the demo logins on first start. */
package org.attain.demomode;
