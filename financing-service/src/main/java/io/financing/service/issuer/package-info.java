/**
 * The Issuer aggregate and its registration (rule 1).
 *
 * <p>"Rule N" in the comments here is rule N of {@code docs/rules.md}, where each is stated with its policy,
 * its events and the invariants it keeps.
 */
package io.financing.service.issuer;
