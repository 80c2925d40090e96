/**
 * REST API v1 over the JDK's HTTP server: routing, bearer authentication, strict reading of JSON
 * bodies, and answers as JSON or {@code application/problem+json} (RFC 9457).
 */
package io.stratus.controlplane.http;
