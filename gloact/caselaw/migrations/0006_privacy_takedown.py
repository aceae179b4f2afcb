# Privacy check dismissals and takedown requests.

import django.db.models.deletion
import gloact.caselaw.models.takedown
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('caselaw', '0005_search_index'),
        ('core', '0002_load_countries'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PrivacyFindingDismissal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, verbose_name='finding')),
                ('field', models.CharField(max_length=100, verbose_name='text')),
                ('kind', models.CharField(max_length=30, verbose_name='kind')),
                ('dismissed_at', models.DateTimeField(auto_now_add=True, verbose_name='dismissed')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='privacy_dismissals', to='caselaw.case', verbose_name='case')),
                ('dismissed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='dismissed by')),
            ],
            options={
                'verbose_name': 'dismissed privacy finding',
                'verbose_name_plural': 'dismissed privacy findings',
                'ordering': ['case', 'dismissed_at'],
            },
        ),
        migrations.CreateModel(
            name='TakedownRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('receipt', models.CharField(default=gloact.caselaw.models.takedown.new_receipt, editable=False, max_length=20, unique=True, verbose_name='receipt number')),
                ('case_reference', models.CharField(help_text='Case id or address.', max_length=500, verbose_name='case as given')),
                ('kind', models.CharField(choices=[('takedown', 'take the case down'), ('correction', 'correct the case'), ('other', 'other')], default='takedown', max_length=20, verbose_name='kind')),
                ('description', models.TextField(verbose_name='what is wrong')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                ('status', models.CharField(choices=[('received', 'received'), ('in_review', 'in review'), ('resolved', 'resolved'), ('rejected', 'rejected')], default='received', max_length=20, verbose_name='status')),
                ('outcome_notes', models.TextField(blank=True, verbose_name='outcome')),
                ('handled_at', models.DateTimeField(blank=True, null=True, verbose_name='handled')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                ('case', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='takedown_requests', to='caselaw.case', verbose_name='case')),
                ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handled by')),
            ],
            options={
                'verbose_name': 'takedown or correction request',
                'verbose_name_plural': 'takedown and correction requests',
                'ordering': ['-created_at'],
            },
        ),
        migrations.AddConstraint(
            model_name='privacyfindingdismissal',
            constraint=models.UniqueConstraint(fields=('case', 'key'), name='caselaw_dismissal_once_per_finding'),
        ),
    ]
