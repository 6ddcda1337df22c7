/** The capacity planning page ({@code /planning/capacity}) and its REST API ({@code /api/v1/capacity}). */
package org.attain.planning.capacity.web;
