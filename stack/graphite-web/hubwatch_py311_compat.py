"""Imported by every hubwatch graphite-web settings module (single node, cluster nodes, fronts).

graphite-web 1.1.8's function list (/functions, used by the dashboard's target editor) calls
inspect.getargspec and inspect.formatargspec, which Python 3.11 removed: without these two
stand-ins every /functions request answers 500. Same results as the removed functions.
"""
import inspect as _inspect

if not hasattr(_inspect, 'getargspec'):
    def _getargspec(func):
        spec = _inspect.getfullargspec(func)
        return spec.args, spec.varargs, spec.varkw, spec.defaults

    def _formatargspec(args, varargs=None, varkw=None, defaults=None):
        defaults = defaults or ()
        first_default = len(args) - len(defaults)
        parts = [a if i < first_default else '%s=%r' % (a, defaults[i - first_default]) for i, a in enumerate(args)]
        if varargs:
            parts.append('*' + varargs)
        if varkw:
            parts.append('**' + varkw)
        return '(' + ', '.join(parts) + ')'

    _inspect.getargspec = _getargspec
    _inspect.formatargspec = _formatargspec
