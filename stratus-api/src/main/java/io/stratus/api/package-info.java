/**
 * The shared vocabulary of Stratus: what a user asks for (cluster specs), what the platform reports
 * back (cluster status), and the events that carry both between the control plane and the data
 * plane agents. Everything here is an immutable value with a stable JSON form; nothing here
 * performs I/O.
 */
package io.stratus.api;
