// The segment editor, enhanced (no build step, no library): checks the expression as one types, with the same server
// code as the Preview button (POST /segments/check answers the part of the page it replaces), moves the cursor to a
// problem and applies a "did you mean" suggestion. Without this file the editor works the same through its buttons.
(() => {
  'use strict'
  const form = document.querySelector('form[data-check]')
  const feedback = document.getElementById('feedback')
  if (!form || !feedback) return
  const text = form.elements.namedItem('expression')
  const name = form.elements.namedItem('name')
  let timer = 0
  let running = false
  let again = false
  let checked = text.value + '\u0000' + name.value

  // Only one check in flight: typing meanwhile asks for one more when it returns, never a queue.
  const check = async () => {
    if (running) {
      again = true
      return
    }
    const body = new FormData(form)
    body.delete('_handler')
    body.delete('action')
    const key = text.value + '\u0000' + name.value
    if (key === checked) return
    running = true
    feedback.setAttribute('aria-busy', 'true')
    try {
      const response = await fetch(form.dataset.check, { method: 'POST', body, credentials: 'same-origin' })
      // A redirect means the session ended: leave the page as it is; the buttons will ask to sign in.
      if (response.ok && !response.redirected) {
        feedback.innerHTML = await response.text()
        checked = key
        enhance()
      }
    } catch {
      // Offline: the Preview button still works.
    } finally {
      running = false
      feedback.setAttribute('aria-busy', 'false')
      if (again) {
        again = false
        check()
      }
    }
  }
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(check, 350)
  }

  // Lines and columns (from 1) as the server counted them, in the text as it is now.
  const offset = (line, column) => {
    const lines = text.value.split('\n')
    let at = 0
    for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1
    return Math.min(at + column - 1, text.value.length)
  }

  const enhance = () => {
    const errors = Number(feedback.querySelector('[data-errors]')?.dataset.errors ?? 0)
    text.setAttribute('aria-invalid', errors > 0 ? 'true' : 'false')
    for (const item of feedback.querySelectorAll('li.diagnostic')) {
      const start = offset(Number(item.dataset.line), Number(item.dataset.column))
      const end = Math.min(start + Number(item.dataset.length), text.value.length)
      const goto = item.querySelector('button.goto')
      goto.hidden = false
      goto.addEventListener('click', () => {
        text.focus()
        text.setSelectionRange(start, end)
      })
      const replace = item.querySelector('button.replace')
      if (replace) {
        replace.hidden = false
        replace.addEventListener('click', () => {
          text.focus()
          text.setRangeText(replace.dataset.replace, start, end, 'end')
          schedule()
        })
      }
    }
  }

  text.addEventListener('input', schedule)
  name.addEventListener('input', schedule)
  enhance()
})()
