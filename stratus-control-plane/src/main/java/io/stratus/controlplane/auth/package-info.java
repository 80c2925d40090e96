/**
 * REST API keys: their form, how their secrets are hashed and compared, and the check of a
 * request's bearer token. Secrets and tokens are never logged.
 */
package io.stratus.controlplane.auth;
