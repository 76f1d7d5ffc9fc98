package dev.frostline.support.security;


/** Names of the claims Frostline access tokens carry beside the standard ones. */
public final class TokenClaims {
    public static final String ORG = "org";
    public static final String ROLE = "role";
    public static final String EMAIL = "email";

    private TokenClaims() {
    }
}
