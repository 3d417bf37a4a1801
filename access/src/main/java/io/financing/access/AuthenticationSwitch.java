package io.financing.access;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether callers need a token: {@code financing.access.enabled} ({@code FINANCING_AUTH}), on unless it says
 * off (or false, no, 0), as people write it in an environment variable.
 */
final class AuthenticationSwitch {

    private static final String SETTING = "financing.access.enabled";
    private static final Set<String> OFF = Set.of("off", "false", "no", "0");

    private AuthenticationSwitch() {
    }

    static boolean isOn(String setting) {
        return setting == null || !OFF.contains(setting.strip().toLowerCase(Locale.ROOT));
    }

    private static ConditionOutcome outcome(ConditionContext context, boolean wantedOn) {
        String setting = context.getEnvironment().getProperty(SETTING);
        boolean on = isOn(setting);
        return new ConditionOutcome(on == wantedOn, SETTING + " is " + (on ? "on" : "off") + " (" + setting + ")");
    }

    static final class On extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return outcome(context, true);
        }
    }

    static final class Off extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return outcome(context, false);
        }
    }
}
