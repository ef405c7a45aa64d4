/** The {@code mailflow} command and its subcommands. */
package io.mailflow.runtime.cli;
