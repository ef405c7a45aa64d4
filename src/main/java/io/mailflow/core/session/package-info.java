/** A pop3 or imap mailbox session, pieced together from its connect, login and disconnect lines. */
package io.mailflow.core.session;
