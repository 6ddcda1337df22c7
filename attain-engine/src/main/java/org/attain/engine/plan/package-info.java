/** The plan language: YAML plan documents compiled into immutable, validated plans. */
package org.attain.engine.plan;
