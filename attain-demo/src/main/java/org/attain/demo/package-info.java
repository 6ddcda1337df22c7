/** Deterministic generator of a believable demo company (people, accounts, pipeline, deals, activities). */
package org.attain.demo;
