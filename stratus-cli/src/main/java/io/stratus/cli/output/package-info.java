/** How client commands show API answers: readable tables, or the API's own JSON. */
package io.stratus.cli.output;
