package dev.frostline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokensTest {

    @Test
    void authorizationHeaderYieldsTheTokenWhateverTheSchemeCase() {
        assertThat(BearerTokens.fromAuthorization("Bearer abc.def.ghi")).contains("abc.def.ghi");
        assertThat(BearerTokens.fromAuthorization("bearer   abc.def.ghi ")).contains("abc.def.ghi");
        assertThat(BearerTokens.fromAuthorization("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(BearerTokens.fromAuthorization("Bearer ")).isEmpty();
        assertThat(BearerTokens.fromAuthorization(null)).isEmpty();
    }

    @Test
    void browserCarrierInSubprotocolsYieldsTheToken() {
        String offered = "bearer-token-carrier, quarkus-http-upgrade%23Authorization%23Bearer%20abc.def.ghi";
        assertThat(BearerTokens.forWebSocket(null, offered)).contains("abc.def.ghi");
        // The Quarkus JS helper may also leave '#' unencoded, or encode the space as '+'.
        assertThat(BearerTokens.forWebSocket(null, "bearer-token-carrier,quarkus-http-upgrade#Authorization#Bearer+x.y.z"))
                .contains("x.y.z");
    }

    @Test
    void authorizationHeaderWinsOverTheCarrier() {
        String offered = "bearer-token-carrier, quarkus-http-upgrade%23Authorization%23Bearer%20from-carrier";
        assertThat(BearerTokens.forWebSocket("Bearer from-header", offered)).contains("from-header");
    }

    @Test
    void carrierOfAnotherHeaderOrMalformedCarrierYieldsNothing() {
        assertThat(BearerTokens.forWebSocket(null, "bearer-token-carrier, quarkus-http-upgrade%23Cookie%23a%3Db")).isEmpty();
        assertThat(BearerTokens.forWebSocket(null, "bearer-token-carrier, quarkus-http-upgrade%23Authorization")).isEmpty();
        assertThat(BearerTokens.forWebSocket(null, "quarkus-http-upgrade%zz")).isEmpty();
        assertThat(BearerTokens.forWebSocket(null, "chat")).isEmpty();
        assertThat(BearerTokens.forWebSocket(null, null)).isEmpty();
    }

    @Test
    void subprotocolsAreListedInOrderAsSent() {
        assertThat(BearerTokens.subprotocols(" a , b%23c ,, d")).containsExactly("a", "b%23c", "d");
        assertThat(BearerTokens.subprotocols(null)).isEmpty();
    }

    @Test
    void carriedTokenIsReplacedAndReadBackAsTheNewOne() {
        String offered = "bearer-token-carrier, quarkus-http-upgrade%23Authorization%23Bearer%20external.token.x";
        String rewritten = BearerTokens.withCarriedToken(offered, "frost.line.token");
        assertThat(BearerTokens.subprotocols(rewritten)).hasSize(2).first().isEqualTo("bearer-token-carrier");
        assertThat(rewritten).doesNotContain("external");
        assertThat(BearerTokens.forWebSocket(null, rewritten)).contains("frost.line.token");
    }
}
