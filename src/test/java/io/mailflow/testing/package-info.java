/** Helpers shared by the tests: generators for the property tests that QuickTheories lacks. */
package io.mailflow.testing;
