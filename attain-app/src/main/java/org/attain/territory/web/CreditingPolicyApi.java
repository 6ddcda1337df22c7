package org.attain.territory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Collectors;
import org.attain.access.AttainUser;
import org.attain.territory.TerritoryCreditingPolicies;
import org.attain.territory.TerritoryCreditingPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The company's territory crediting policy over REST for planners (admin, comp admin). */
@RestController
@RequestMapping("/api/v1/territories/crediting-policy")
@Tag(name = "Territories")
class CreditingPolicyApi {

    /**
     * The policy as given: {@code enabled} (required), {@code hierarchy} (code; required when territories credit),
     * {@code precedence} (["territory", "owner"] by default; "owner" alone credits deal owners only) and
     * {@code primaryOnce} (true by default). Values are read loosely and checked by the service, so a wrong type is
     * a field error like any other.
     */
    record PolicyBody(Object enabled, Object hierarchy, Object precedence, Object primaryOnce) {}

    private final TerritoryCreditingPolicies policies;

    CreditingPolicyApi(TerritoryCreditingPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "The territory crediting policy: off, or on with its hierarchy, precedence and primary-once")
    TerritoryCreditingPolicy get(@AuthenticationPrincipal AttainUser user) {
        Planners.only(user);
        return policies.current();
    }

    @PutMapping
    @Operation(
            summary =
                    "Set the territory crediting policy (audited); everyone is recalculated under it in the background."
                            + " Bad input: 400 with errors[{field, reason}], nothing saved")
    TerritoryCreditingPolicy put(@AuthenticationPrincipal AttainUser user, @RequestBody PolicyBody body) {
        Planners.only(user);
        return policies.change(
                new TerritoryCreditingPolicies.PolicyChange(
                        text(body.enabled()),
                        text(body.hierarchy()),
                        text(body.precedence()),
                        text(body.primaryOnce())),
                user.getUsername());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
