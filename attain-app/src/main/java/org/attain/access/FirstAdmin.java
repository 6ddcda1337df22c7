package org.attain.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.attain.platform.AttainMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode there is no default password. The first admin comes from configuration
 * ({@code attain.admin.username} / {@code attain.admin.password}) or, failing that, from a one-time
 * setup token printed at the first start and redeemed at /setup.
 */
@Component
@Order(10)
public class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AttainMode mode;
    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final String username;
    private final String password;
    private final boolean headless;

    FirstAdmin(
            AttainMode mode,
            UserAccounts users,
            JdbcClient jdbc,
            @Value("${attain.admin.username:}") String username,
            @Value("${attain.admin.password:}") String password,
            @Value("${attain.headless:false}") boolean headless) {
        this.headless = headless;
        this.mode = mode;
        this.users = users;
        this.jdbc = jdbc;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // A command-line command leaves it to the server: a new setup token would void the one the server printed.
        if (headless || mode.demo() || users.anyUserExists()) {
            return;
        }
        var weak = PasswordPolicy.problem(username, password);
        if (!username.isBlank() && weak.isEmpty()) {
            users.create(username.trim(), password, null, EnumSet.of(Role.ADMIN), "configuration");
            log.info("Created the first admin '{}' from configuration", username.trim());
            return;
        }
        if (!username.isBlank()) {
            log.warn(
                    "attain.admin.password breaks the password policy ({}): at least {} characters, not the user name,"
                            + " not a common password; falling back to a setup token",
                    weak.orElse(""),
                    PasswordPolicy.MIN_LENGTH);
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into setup_token(id, token_hash) values (1, :h)
                on conflict (id) do update set token_hash = :h, created_at = now(), used_at = null""").param("h", ApiTokens.sha256(token)).update();
        System.out.println("\n  No users yet. Create the first admin at /setup?token=" + token + "\n");
    }

    /** Redeems the setup token once; false when it is wrong, used, or users already exist. */
    @Transactional
    public boolean redeem(String token, String newUsername, String newPassword) {
        if (token == null || users.anyUserExists()) {
            return false;
        }
        int n = jdbc.sql("update setup_token set used_at = now() where id = 1 and used_at is null and token_hash = :h")
                .param("h", ApiTokens.sha256(token))
                .update();
        if (n == 0) {
            return false;
        }
        users.create(newUsername.trim(), newPassword, null, EnumSet.of(Role.ADMIN), "setup-token");
        return true;
    }
}
