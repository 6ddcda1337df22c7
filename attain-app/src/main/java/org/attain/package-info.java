/** Attain: sales performance management. Root of the application; one sub-package per capability. */
package org.attain;
