/** {@code mailflow demo}: the whole system on one machine, with no set-up. */
package io.mailflow.runtime.demo;
