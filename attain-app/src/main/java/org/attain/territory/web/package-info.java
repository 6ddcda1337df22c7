/** The planners' pages and the REST API of territories (admins and comp admins only). */
package org.attain.territory.web;
