from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('orgs', '0004_partner_access_follows_the_inviting_kommun'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(condition=models.Q(('kommun__isnull', True)), fields=('user', 'organisation', 'role'), name='unique_membership'),
        ),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(condition=models.Q(('kommun__isnull', False)), fields=('user', 'organisation', 'role', 'kommun'), name='unique_partner_membership_per_kommun'),
        ),
    ]
