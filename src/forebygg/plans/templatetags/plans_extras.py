from django import template

register = template.Library()


@register.filter
def score(problem, criterion: str):
    return problem.score(criterion)
