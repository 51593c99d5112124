package org.racetiming.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.racetiming.ingest.http.BearerAuth.Outcome;

class BearerAuthTest {

    private final BearerAuth auth = new BearerAuth("s3cret-token");

    @Test
    void shouldAllowTheConfiguredTokenWhateverTheCaseOfTheScheme() {
        assertThat(auth.check("Bearer s3cret-token")).isEqualTo(Outcome.ALLOWED);
        assertThat(auth.check("bearer s3cret-token")).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void shouldAskForAuthenticationWithoutAWellFormedBearerHeader() {
        assertThat(auth.check(null)).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(auth.check("")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(auth.check("Basic dXNlcjpwYXNz")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(auth.check("Bearer ")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(auth.check("Bearer two words")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(auth.check("s3cret-token")).isEqualTo(Outcome.UNAUTHENTICATED);
    }

    @Test
    void shouldForbidAWrongToken() {
        assertThat(auth.check("Bearer s3cret-tokeN")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(auth.check("Bearer s3cret-token-and-more")).isEqualTo(Outcome.FORBIDDEN);
    }

    @Test
    void shouldLetEverythingInWhenRunOpen() {
        assertThat(new BearerAuth(null).check(null)).isEqualTo(Outcome.ALLOWED);
    }
}
