/** The control plane's REST API v1, seen from the CLI: one small HTTP client and its failures. */
package io.stratus.cli.client;
