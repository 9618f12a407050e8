from django.test import override_settings

from forebygg.accounts.oidc import ForebyggOIDCBackend
from forebygg.orgs.models import Membership

OIDC_SETTINGS = {
    "OIDC_RP_CLIENT_ID": "forebygg",
    "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
    "OIDC_RP_SIGN_ALGO": "RS256",
}


@override_settings(**OIDC_SETTINGS)
def test_a_first_oidc_login_creates_an_account_without_any_role(db):
    claims = {"email": "sara@kommun.se", "given_name": "Sara", "family_name": "Svensson"}

    user = ForebyggOIDCBackend().create_user(claims)

    assert (user.email, user.first_name, user.last_name) == ("sara@kommun.se", "Sara", "Svensson")
    assert not Membership.objects.filter(user=user).exists()
