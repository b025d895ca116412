"""The WSGI entry point: ``app`` for any WSGI server, and the server ``make run`` starts:

    python wsgi.py --host 127.0.0.1 --port 8000 [--threads 256] [--access-log -]

(waitress, see guide/serving.py for why).
"""
from guide import create_app

app = create_app()

if __name__ == "__main__":
    from guide.serving import serve

    serve(app)
