# The free-text "metod" keeps its data under a new name; `method` now points into the library.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('methods', '0001_method_library_and_experiences'),
        ('plans', '0001_initial'),
    ]

    operations = [
        migrations.RenameField(
            model_name='measure',
            old_name='method',
            new_name='method_text',
        ),
        migrations.RenameField(
            model_name='historicalmeasure',
            old_name='method',
            new_name='method_text',
        ),
        migrations.AlterField(
            model_name='measure',
            name='method_text',
            field=models.CharField(blank=True, help_text='Ett lokalt arbetssätt eller programnamn, med eller utan metod ur biblioteket.', max_length=200, verbose_name='metod (fritext)'),
        ),
        migrations.AlterField(
            model_name='historicalmeasure',
            name='method_text',
            field=models.CharField(blank=True, help_text='Ett lokalt arbetssätt eller programnamn, med eller utan metod ur biblioteket.', max_length=200, verbose_name='metod (fritext)'),
        ),
        migrations.AddField(
            model_name='measure',
            name='method',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='measures', to='methods.method', verbose_name='metod ur metodbiblioteket'),
        ),
        migrations.AddField(
            model_name='historicalmeasure',
            name='method',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='methods.method', verbose_name='metod ur metodbiblioteket'),
        ),
    ]
