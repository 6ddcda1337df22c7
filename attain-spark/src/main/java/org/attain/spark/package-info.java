/** The unchanged engine inside Apache Spark executors: payees partitioned, the run's shared inputs broadcast. */
package org.attain.spark;
