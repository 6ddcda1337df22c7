/** A small YAML tree that keeps line and column for every value, so errors can point at the source. */
package org.attain.engine.yaml;
