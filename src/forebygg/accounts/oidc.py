"""Optional OpenID Connect login (docs/oidc.md). Roles are never taken from the identity provider:
a person signing in through OIDC gets an account, and a coordinator or site admin grants roles."""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class ForebyggOIDCBackend(OIDCAuthenticationBackend):
    def create_user(self, claims):
        user = super().create_user(claims)
        user.first_name = claims.get("given_name", "")
        user.last_name = claims.get("family_name", "")
        user.save(update_fields=["first_name", "last_name"])
        return user
