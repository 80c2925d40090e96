/**
 * Where the API is and which key to use: the {@code --api-url}, {@code --api-key} and {@code
 * --data-dir} options, the environment, and the data directory's {@code credentials.json}.
 */
package io.stratus.cli.connection;
