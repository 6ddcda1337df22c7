package org.attain.demo;

/** An SDR or overlay specialist: supports a region's reps rather than owning a book. */
record Helper(String personId, RegionSpec region, double effort) {}
