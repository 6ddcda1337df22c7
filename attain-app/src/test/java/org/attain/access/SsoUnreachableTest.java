package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** "Sign in with …" while the provider cannot be read goes to the refusal page that says so, not to a bare 500. */
class SsoUnreachableTest {

    @Test
    void aClickWhileTheProviderIsUnreachableIsSentToThePageThatSaysSo() throws Exception {
        MockHttpServletResponse response = click(new SsoUnreachable(id -> null));
        assertThat(response.getRedirectedUrl()).isEqualTo("/login/sso-refused?reason=unreachable");
    }

    @Test
    void aClickWhileTheProviderIsKnownGoesOnToTheProvider() throws Exception {
        ClientRegistration known = ClientRegistration.withRegistrationId("sso")
                .clientId("attain")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://idp.example/authorize")
                .tokenUri("http://idp.example/token")
                .build();
        MockHttpServletResponse response = click(new SsoUnreachable(id -> known));
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse click(SsoUnreachable filter) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", SsoUnreachable.START);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
