package io.financing.service;

/**
 * A command refused by a rule of the domain. It is an outcome, not a failure: the command's status
 * becomes REJECTED with this message, written for the user who sent it.
 */
public class PolicyViolation extends RuntimeException {

    public PolicyViolation(String reason) {
        super(reason);
    }
}
