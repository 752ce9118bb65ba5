-- Drives svc-lint's language server from Neovim's built-in LSP client (0.7 and later), headless, and writes what
-- the editor saw as JSON for test/lsp/neovim.test.ts. Paths come from the environment.
local root = os.getenv('SVC_LINT_ROOT')
local bin = os.getenv('SVC_LINT_BIN')
local out = os.getenv('SVC_LINT_OUT')
local results = { steps = {} }

local function fail(message)
  results.error = message
  vim.fn.writefile({ vim.fn.json_encode(results) }, out)
  vim.cmd('qall!')
end

local function diagnostics_of(buffer)
  local seen = {}
  for _, item in ipairs(vim.diagnostic.get(buffer)) do
    local lsp = item.user_data and item.user_data.lsp or {}
    table.insert(seen, {
      code = lsp.code or item.code,
      line = item.lnum,
      col = item.col,
      end_line = item.end_lnum,
      end_col = item.end_col,
      severity = item.severity,
      source = item.source or lsp.source,
      message = item.message,
    })
  end
  table.sort(seen, function(a, b) return a.line < b.line or (a.line == b.line and a.code < b.code) end)
  return seen
end

local function has_code(buffer, code)
  for _, item in ipairs(diagnostics_of(buffer)) do
    if item.code == code then return true end
  end
  return false
end

local function wait_for(what, check)
  if not vim.wait(30000, check, 50) then fail('timed out waiting for ' .. what) end
end

vim.o.hidden = true
local client_id = vim.lsp.start_client({
  name = 'svc-lint',
  cmd = { 'node', bin, 'lsp', '--stdio' },
  root_dir = root,
  flags = { debounce_text_changes = 50 },
})
if not client_id then fail('the client did not start') end

vim.cmd('edit ' .. root .. '/pricing/service.yaml')
local pricing = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(pricing, client_id)
vim.cmd('edit ' .. root .. '/orders/service.yaml')
local orders = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(orders, client_id)

wait_for('the callee’s diagnostics', function() return has_code(pricing, 'inherited-hot-path') end)
wait_for('the caller’s diagnostics', function() return has_code(orders, 'latency-budget') end)
results.steps.opened = { pricing = diagnostics_of(pricing), orders = diagnostics_of(orders) }

-- The caller sends less traffic: the callee, never touched, is judged again.
for index, line in ipairs(vim.api.nvim_buf_get_lines(orders, 0, -1, false)) do
  if line:find('rpsShare: 0.5', 1, true) then
    vim.api.nvim_buf_set_lines(orders, index - 1, index, false, { '      rpsShare: 0.2' })
  end
end
wait_for('the callee to change', function() return has_code(pricing, 'moderate-traffic') end)
results.steps.edited = { pricing = diagnostics_of(pricing) }

-- The suppression quick fix on the callee's language line, applied as the editor applies it.
vim.cmd('buffer ' .. pricing)
local language_line
for index, line in ipairs(vim.api.nvim_buf_get_lines(pricing, 0, -1, false)) do
  if line:find('language:', 1, true) then language_line = index - 1 end
end
local client = vim.lsp.get_client_by_id(client_id)
local response = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(pricing) },
  range = { start = { line = language_line, character = 13 }, ['end'] = { line = language_line, character = 13 } },
  context = { diagnostics = {} },
}, 10000, pricing)
if not response or response.err then fail('no code actions: ' .. vim.inspect(response)) end
local chosen
results.titles = {}
for _, action in ipairs(response.result or {}) do
  table.insert(results.titles, action.title)
  if action.title == 'Disable moderate-traffic for this line' then chosen = action end
end
if not chosen then fail('no suppression action') end
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
if chosen.command then
  client.request_sync('workspace/executeCommand', chosen.command, 10000, pricing)
  vim.wait(2000, function() return vim.api.nvim_win_get_cursor(0)[1] == language_line + 1 end, 50)
end
local capabilities = vim.lsp.protocol.make_client_capabilities()
results.shows_documents = capabilities.window ~= nil and capabilities.window.showDocument ~= nil and capabilities.window.showDocument.support == true
results.has_command = chosen.command ~= nil
local cursor = vim.api.nvim_win_get_cursor(0)
results.cursor = { line = cursor[1] - 1, col = cursor[2] }
-- Typed at the cursor: the reason.
local directive = vim.api.nvim_buf_get_lines(pricing, language_line, language_line + 1, false)[1]
vim.api.nvim_buf_set_lines(pricing, language_line, language_line + 1, false, { directive .. 'traffic reviewed in PLAT-7' })
wait_for('the suppression to apply', function()
  return not has_code(pricing, 'moderate-traffic') and not has_code(pricing, 'suppression-reason')
end)
results.steps.fixed = { pricing = diagnostics_of(pricing) }
results.text = vim.api.nvim_buf_get_lines(pricing, 0, -1, false)
results.modified = vim.bo[pricing].modified

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
results.stopped = vim.lsp.get_client_by_id(client_id) == nil
vim.fn.writefile({ vim.fn.json_encode(results) }, out)
vim.cmd('qall!')
