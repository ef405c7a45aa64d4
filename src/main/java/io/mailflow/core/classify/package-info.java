/** Classifies delivery error texts into categories by an ordered, editable rule file. */
package io.mailflow.core.classify;
